package vn.danvan.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account created on first start ({@code danvan.admin.*}). Outside the demo
 * profile its password comes from {@code DANVAN_ADMIN_PASSWORD}; see {@link AdminAccountPolicy}.
 */
@ConfigurationProperties("danvan.admin")
public record AdminAccountProperties(String user, String password) {}
