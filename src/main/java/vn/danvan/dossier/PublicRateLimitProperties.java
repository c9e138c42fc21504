package vn.danvan.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public dossier lookup ({@code danvan.public.rate-limit.*}).
 *
 * @param perMinute requests a client address may make per minute (default 30)
 * @param maxClients client addresses remembered at most; the least recently seen is forgotten
 *     first (default 10000)
 */
@ConfigurationProperties("danvan.public.rate-limit")
public record PublicRateLimitProperties(Integer perMinute, Integer maxClients) {

  public PublicRateLimitProperties {
    perMinute = perMinute == null ? 30 : perMinute;
    maxClients = maxClients == null ? 10_000 : maxClients;
  }
}
