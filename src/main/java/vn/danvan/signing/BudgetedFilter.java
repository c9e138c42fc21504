package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A PDFBox filter that counts what it decodes against the thread's {@link DecodeBudget}, in front of
 * each of PDFBox's own filters.
 *
 * <p>Why reflection: every stream PDFBox decodes (object streams and xref streams while a file is
 * parsed, any filter chain, encrypted streams after decryption) goes through the filters of
 * {@link FilterFactory#INSTANCE}, and PDFBox 3.0 has no decode limit nor a way to register a filter:
 * its decoders write into unbounded in-memory buffers that its memory settings and stream cache do
 * not cover. Replacing the entries of the factory's private map is the one place that bounds all of
 * them. Without a budget on the thread the wrapper only delegates, so signing and rendering behave
 * exactly as before. If a PDFBox upgrade renames the map, {@link #install()} fails and verification
 * refuses to run rather than run unbounded ({@code BudgetedFilterTest} catches it in the build).
 */
final class BudgetedFilter extends Filter {

  private static volatile boolean installed;

  private final Filter delegate;

  private BudgetedFilter(Filter delegate) {
    this.delegate = delegate;
  }

  /** Puts a budgeted wrapper in front of every filter of PDFBox's factory, once. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    try {
      Field field = FilterFactory.class.getDeclaredField("filters");
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
      // one wrapper per filter instance: PDFBox drops duplicated filters of a chain by identity
      Map<Filter, Filter> wrappers = new IdentityHashMap<>();
      synchronized (filters) {
        filters.replaceAll((name, filter) -> filter instanceof BudgetedFilter ? filter
            : wrappers.computeIfAbsent(filter, BudgetedFilter::new));
      }
      installed = true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot put decode limits on PDFBox's filters (PDFBox version changed?)", e);
    }
  }

  Filter delegate() {
    return delegate;
  }

  @Override
  public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
      throws IOException {
    return decode(encoded, decoded, parameters, index, DecodeOptions.DEFAULT);
  }

  @Override
  public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
      DecodeOptions options) throws IOException {
    DecodeBudget budget = DecodeBudget.current();
    if (budget == null) {
      return delegate.decode(encoded, decoded, parameters, index, options);
    }
    DecodeBudget.Streams counted = budget.count(encoded, decoded);
    return delegate.decode(counted.encoded(), counted.decoded(), parameters, index, options);
  }

  @Override
  protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
    delegate.encode(input, encoded, parameters, 0);
  }
}
