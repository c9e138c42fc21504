package vn.danvan.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * One database transaction per authenticated API request ({@code /engine-rest}, {@code /api}): the
 * engine's commands and our services join it, so a request that runs several commands (a claim
 * checks the task, the unit and the separation of duties before it claims) costs one transaction
 * instead of one per command, and either all of it is written or nothing.
 *
 * <p>A request whose answer is an error (status 400 or more), or whose work marked the transaction
 * rollback-only (a failed command), is rolled back. A changing request's answer is held back until
 * the commit has succeeded: if the commit fails, the client gets a 500 instead of a success that
 * did not happen. Public paths (the citizen's lookup, signature verification) and the login
 * throttle's bookkeeping run outside (the throttle's filter comes first). The transaction holds a
 * pooled connection for the whole request; {@link ApiAdmission}, in front of this filter, bounds how
 * many requests do so at once. {@code danvan.performance.request-transaction=false}: each command its own transaction
 * (the stock path, for the benchmark only).
 */
final class RequestTransactionFilter extends AuthenticatedApiFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestTransactionFilter.class);

  private final PlatformTransactionManager transactions;

  RequestTransactionFilter(PlatformTransactionManager transactions, Predicate<String> isPublicPath) {
    super(isPublicPath);
    this.transactions = transactions;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean changing = WebappSession.isModifying(request.getMethod());
    ContentCachingResponseWrapper held = changing ? new ContentCachingResponseWrapper(response) : null;
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
    definition.setName("request " + request.getMethod() + " " + request.getRequestURI());
    TransactionStatus status = transactions.getTransaction(definition);
    try {
      chain.doFilter(request, held != null ? held : response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      rollback(status);
      throw e;
    }
    int answer = held != null ? held.getStatus() : response.getStatus();
    if (status.isRollbackOnly() || answer >= 400) {
      rollback(status);
    } else {
      try {
        transactions.commit(status);
      } catch (TransactionException e) {
        LOG.warn("Commit of {} {} failed: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
        if (held == null) {
          throw e;
        }
        held.resetBuffer();
        JsonAnswer.write(held, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
            ApiError.of("The request could not be saved (a concurrent change?); nothing was changed, try again"));
      }
    }
    if (held != null) {
      held.copyBodyToResponse();
    }
  }

  private void rollback(TransactionStatus status) {
    if (!status.isCompleted()) {
      transactions.rollback(status);
    }
  }
}
