/**
 * The deny list as the operator publishes it to terminals: a full {@link org.farebox.protocol.deny.DenyListSnapshot}
 * (retained) and {@link org.farebox.protocol.deny.DenyListDelta}s between consecutive versions, in the compact
 * binary format of {@link org.farebox.protocol.deny.DenyListCodec}. A deny list names what the operator has
 * blocked: T-Union card serials (lost, stolen, fraud, replaced) and QR-code account ids.
 */
package org.farebox.protocol.deny;
