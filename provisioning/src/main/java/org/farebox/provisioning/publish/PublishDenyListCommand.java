package org.farebox.provisioning.publish;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListDiff;
import org.farebox.protocol.deny.DenyListFormatException;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateSigner;
import org.farebox.protocol.sync.Topics;
import org.farebox.provisioning.ProvisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish denylist FILE}: the next deny-list version, as a delta (not retained) and a snapshot (retained). */
@Command(name = "denylist", mixinStandardHelpOptions = true,
        description = {"Publish the deny list in FILE as the next version (the last one published from --state",
                "plus one): first the delta from the previous version (not retained: terminals online apply it",
                "cheaply), then the whole snapshot (retained: for terminals that connect later or missed a delta).",
                "FILE: one entry per line, SERIAL[,REASON] for a card (20 digits) or account:ID[,REASON];",
                "REASON is LOST, STOLEN, FRAUD, REPLACED or OPERATOR (the default); # starts a comment."})
public final class PublishDenyListCommand implements Callable<Integer> {
    static final String BOOK = "denylist.snapshot";

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Mixin
    SigningOptions signing;

    @Parameters(index = "0", paramLabel = "FILE", description = "the whole deny list, as text")
    Path file;

    @Option(names = "--snapshot-only", description = "publish only the snapshot (no delta)")
    boolean snapshotOnly;

    @Override
    public Integer call() {
        OperatorState state = signing.state();
        long last = state.last("denylist");
        Optional<DenyListSnapshot> previous = previous(state, last);
        Instant now = Instant.now();
        DenyListSnapshot next = DenyListBook.read(file, last + 1, now);
        PrintWriter out = spec.commandLine().getOut();
        if (previous.isPresent() && previous.get().cards().equals(next.cards())
                && previous.get().accounts().equals(next.accounts())) {
            out.println("deny list unchanged since v" + last + "; nothing published");
            return 0;
        }
        UpdateSigner signer = signing.signer();
        Topics topics = broker.topics();
        byte[] snapshot = sign(signer, next.version(), now, "snapshot", next.encode());
        byte[] delta = null;
        if (previous.isPresent() && !snapshotOnly) {
            DenyListDelta d = DenyListDiff.between(previous.get(), next);
            delta = sign(signer, next.version(), now, "delta", d.encode());
        }
        try (MqttLink link = broker.connect()) {
            // Delta first: terminals online step to the new version with it and then see the snapshot as
            // already held; terminals that missed a version fall back to the snapshot that follows.
            if (delta != null) {
                Publish.send(link, topics.fleetDenyList(), delta, false, broker.timeout());
            }
            Publish.send(link, topics.fleetDenyList(), snapshot, true, broker.timeout());
        }
        state.write(BOOK, next.encode());
        state.record("denylist", next.version());
        if (delta != null) {
            Publish.report(out, "deny-list delta", next.version(), topics.fleetDenyList(), delta, false);
        }
        Publish.report(out, "deny-list snapshot (" + next.cards().size() + " cards, " + next.accounts().size()
                + " accounts)", next.version(), topics.fleetDenyList(), snapshot, true);
        return 0;
    }

    private byte[] sign(UpdateSigner signer, long version, Instant now, String form, byte[] payload) {
        return signer.sign(UpdateKind.DENY_LIST, broker.operator, SignedUpdate.FLEET, version, now,
                Map.of("deny", form), payload);
    }

    private static Optional<DenyListSnapshot> previous(OperatorState state, long last) {
        Optional<byte[]> bytes = state.read(BOOK);
        if (bytes.isEmpty()) {
            if (last > 0) {
                throw new ProvisionException("--state " + state.dir() + " says v" + last + " was published but has no "
                        + BOOK + "; restore it, or remove denylist.version to start again at v1 (terminals then "
                        + "refuse versions up to v" + last + " as STALE)");
            }
            return Optional.empty();
        }
        try {
            DenyListSnapshot s = DenyListSnapshot.decode(bytes.get());
            if (s.version() != last) {
                throw new ProvisionException(state.dir().resolve(BOOK) + " holds v" + s.version() + " but "
                        + "denylist.version says v" + last + "; fix the --state folder");
            }
            return Optional.of(s);
        } catch (DenyListFormatException e) {
            throw new ProvisionException(state.dir().resolve(BOOK) + " is damaged: " + e.getMessage(), e);
        }
    }
}
