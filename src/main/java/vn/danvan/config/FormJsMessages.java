package vn.danvan.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * Serves Tasklist's script bundle ({@code /camunda/lib/deps.js}) with form-js's messages in
 * Vietnamese ({@code webapp/form-js-vi.yaml}). Tasklist 7.24 creates its form-js viewer without
 * modules ({@code new Form({container})}) and form-js 1.x has no translation hook for its
 * validation messages, so "Field must match pattern ^(\+84|0)…" would reach the officer; the only
 * place to change them is the bundle's text. Each replacement must match exactly once, checked when
 * the bundle is first prepared (at startup), so an upgraded bundle fails loudly instead of falling
 * back to English. Everything else about the bundle is untouched; the answer carries an ETag.
 */
public class FormJsMessages extends OncePerRequestFilter {

  static final String BUNDLE = "META-INF/resources/webjars/camunda/lib/deps.js";
  static final String MESSAGES = "webapp/form-js-vi.yaml";

  private final byte[] bundle;
  private final String etag;

  public FormJsMessages() {
    this.bundle = translated(read(BUNDLE), replacements()).getBytes(StandardCharsets.UTF_8);
    this.etag = "\"" + sha256(bundle) + "\"";
  }

  /** The English bundle with every replacement applied. */
  static String translated(String bundle, List<Map<String, String>> replacements) {
    String text = bundle;
    for (Map<String, String> replacement : replacements) {
      String find = replacement.get("find");
      int at = text.indexOf(find);
      if (at < 0 || text.indexOf(find, at + 1) >= 0) {
        throw new IllegalStateException(MESSAGES + ": '" + find + "' is not found exactly once in " + BUNDLE
            + " (did the Camunda webapps change?)");
      }
      text = text.substring(0, at) + replacement.get("replace") + text.substring(at + find.length());
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> replacements() {
    try (InputStream in = new ClassPathResource(MESSAGES).getInputStream()) {
      return (List<Map<String, String>>) new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + MESSAGES, e);
    }
  }

  static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "no-cache");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType("application/javascript;charset=UTF-8");
    response.setContentLength(bundle.length);
    if ("GET".equals(request.getMethod())) {
      response.getOutputStream().write(bundle);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
