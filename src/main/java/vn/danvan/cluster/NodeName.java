package vn.danvan.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the engine ({@code hostname}: the job log's host column, the metrics' reporter,
 * Cockpit), so that an operator sees which node of a cluster ran a job. The name comes from
 * {@code danvan.cluster.node-name} ({@code DANVAN_NODE_NAME}); without one it is the machine's host
 * name. Camunda's own default (IP address and engine name) says little in a container network, and a
 * generic property cannot fall back to the host name, hence a plugin.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

  private final String name;

  NodeName(@Value("${danvan.cluster.node-name:}") String configured) {
    this.name = configured == null || configured.isBlank() ? localHostName() : configured.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  String name() {
    return name;
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // a machine without a resolvable name: Camunda's default (address and engine name) then applies
      return null;
    }
  }
}
