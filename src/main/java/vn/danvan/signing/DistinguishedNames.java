package vn.danvan.signing;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Reads single attributes (CN, O) of a certificate's subject or issuer, Vietnamese text intact. */
final class DistinguishedNames {

  private DistinguishedNames() {}

  static String commonName(X500Principal principal) {
    return attribute(principal, BCStyle.CN);
  }

  static String organization(X500Principal principal) {
    return attribute(principal, BCStyle.O);
  }

  /** The first value of the attribute, or null. */
  static String attribute(X500Principal principal, ASN1ObjectIdentifier type) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return null;
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : value.toString();
  }
}
