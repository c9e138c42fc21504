package vn.danvan.publicapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Budgets of the public endpoints ({@code danvan.public.rate-limit.*}), one per endpoint family:
 * a client spending its lookups still has its verifications, and the other way round.
 *
 * @param perMinute dossier lookups and ratings ({@code /api/public/*}) a client address may make
 *     per minute (default 30)
 * @param verifyPerMinute signature verifications ({@code /api/signatures/verify}) a client address
 *     may make per minute (default 10): each costs far more than a lookup
 * <p>One budget for the whole cluster: the buckets are shared in the database.
 */
@ConfigurationProperties("danvan.public.rate-limit")
public record PublicRateLimitProperties(Integer perMinute, Integer verifyPerMinute) {

  public PublicRateLimitProperties {
    perMinute = perMinute == null ? 30 : perMinute;
    verifyPerMinute = verifyPerMinute == null ? 10 : verifyPerMinute;
  }
}
