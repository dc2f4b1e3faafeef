package org.farebox.terminal.fare;

/** The example network's bundle bytes for tests in other packages. */
public final class ExampleBundles {
    private ExampleBundles() {
    }

    public static byte[] example(long version) {
        return ExampleBundle.bytes(ExampleBundle.EXAMPLE, version);
    }
}
