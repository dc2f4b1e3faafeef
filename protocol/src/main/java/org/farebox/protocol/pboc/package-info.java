/**
 * The PBOC e-purse / JT/T 978 (T-Union) card language shared by the terminal, the simulator and clearing:
 * command APDUs, status words, the byte layouts of the card files and the 3DES arithmetic of purchases.
 * Every fact comes from PROTOCOLS.md §1 and carries its confidence tag there.
 */
package org.farebox.protocol.pboc;
