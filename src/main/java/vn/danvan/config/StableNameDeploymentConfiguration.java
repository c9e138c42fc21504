package vn.danvan.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders under stable resource names
 * ({@code bpmn/dossierApproval.bpmn}, {@code forms/receive-dossier.form}).
 *
 * <p>The starter's default names a resource by its absolute file path in an IDE run and by its bare
 * file name in the fat jar, so the two runs would deploy the "same" file twice and defeat duplicate
 * filtering; its default pattern also leaves out {@code *.form}. Wrapping each file in a
 * {@link ByteArrayResource} whose description is the classpath-relative name fixes both.
 *
 * <p>The starter's properties come through the constructor (not the field of the starter's abstract
 * configuration class, which Operaton's starter fills through its constructor instead), so the same
 * class builds on both engines.
 */
@Component
@Order(Ordering.DEFAULT_ORDER)
public class StableNameDeploymentConfiguration extends SpringBootProcessEnginePlugin
    implements CamundaDeploymentConfiguration {

  /** Classpath folders and file patterns that make up the deployment, in this order. */
  public static final List<String> LOCATIONS = List.of("bpmn/*.bpmn", "bpmn/*.dmn", "forms/*.form");

  public static final String DEPLOYMENT_NAME = "danvan";

  private static final Logger LOG = LoggerFactory.getLogger(StableNameDeploymentConfiguration.class);

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final CamundaBpmProperties camundaBpmProperties;

  public StableNameDeploymentConfiguration(CamundaBpmProperties camundaBpmProperties) {
    this.camundaBpmProperties = camundaBpmProperties;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (!camundaBpmProperties.isAutoDeploymentEnabled()) {
      return;
    }
    Set<Resource> resources = getDeploymentResources();
    configuration.setDeploymentResources(resources.toArray(new Resource[0]));
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    // Only changed files become new versions; an unchanged diagram keeps its version across restarts.
    configuration.setDeployChangedOnly(true);
    LOG.info("Deploying {} resources from {}", resources.size(), LOCATIONS);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> result = new LinkedHashSet<>();
    for (String location : LOCATIONS) {
      String folder = location.substring(0, location.lastIndexOf('/') + 1);
      try {
        Resource[] found = resolver.getResources("classpath*:" + location);
        Arrays.sort(found, Comparator.comparing(Resource::getFilename));
        for (Resource resource : found) {
          result.add(new NamedResource(resource.getContentAsByteArray(), folder + resource.getFilename()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read deployment resources " + location, e);
      }
    }
    return result;
  }

  /** Names of all resources this configuration deploys, for checks and tests. */
  public List<String> resourceNames() {
    List<String> names = new ArrayList<>();
    getDeploymentResources().forEach(r -> names.add(r.getDescription()));
    return names;
  }

  /** Camunda names a {@link ByteArrayResource} by its description: that is the stable name. */
  static final class NamedResource extends ByteArrayResource {
    private final String name;

    NamedResource(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getDescription() {
      return name;
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource named && named.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
