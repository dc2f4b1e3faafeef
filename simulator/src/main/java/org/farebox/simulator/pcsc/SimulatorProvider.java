package org.farebox.simulator.pcsc;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/** The security provider that makes {@code TerminalFactory.getInstance(TYPE, readers)} return virtual readers. */
public final class SimulatorProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** Provider name, as passed to {@code Security.getProvider}. */
    public static final String NAME = "FareboxSimulator";
    /** TerminalFactory type; the params object must be a {@link VirtualReaders}. */
    public static final String TYPE = "FareboxSimulator";

    public SimulatorProvider() {
        super(NAME, "1.0", "Farebox virtual card readers for javax.smartcardio");
        putService(new TerminalFactoryService(this));
    }

    /** Builds the factory SPI directly: no reflection, and a clear message when the params are wrong. */
    private static final class TerminalFactoryService extends Service {
        TerminalFactoryService(Provider provider) {
            super(provider, "TerminalFactory", TYPE, SimulatorTerminalFactorySpi.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object params) throws NoSuchAlgorithmException {
            if (params instanceof VirtualReaders) {
                return new SimulatorTerminalFactorySpi((VirtualReaders) params);
            }
            throw new NoSuchAlgorithmException("TerminalFactory " + TYPE + " needs a "
                    + VirtualReaders.class.getName() + " as params, got "
                    + (params == null ? "null" : params.getClass().getName()));
        }
    }
}
