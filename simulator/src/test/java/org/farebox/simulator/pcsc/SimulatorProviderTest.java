package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.util.List;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

class SimulatorProviderTest {
    @Test
    void factoryFromAProviderInstanceShowsTheReadersPassedAsParams() throws Exception {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add("Farebox Virtual Contactless 0");
        VirtualReader sam = readers.add("Farebox Virtual SAM 0");

        TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());

        assertEquals(SimulatorProvider.TYPE, factory.getType());
        assertEquals(SimulatorProvider.NAME, factory.getProvider().getName());
        assertEquals(List.of(field, sam), factory.terminals().list());
    }

    @Test
    void factoryFromAnInstalledProviderWorksByTypeName() throws Exception {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add("Farebox Virtual Contactless 0");
        field.insert(StandInCards.echo(atr(1)));
        boolean added = Security.addProvider(new SimulatorProvider()) != -1;
        try {
            TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers);
            assertSame(field, factory.terminals().list().get(0));
            assertEquals(0x9000, factory.terminals().list().get(0).connect("*").getBasicChannel()
                    .transmit(new CommandAPDU(0, 0xCA, 0, 0, 1)).getSW());
        } finally {
            if (added) {
                Security.removeProvider(SimulatorProvider.NAME);
            }
        }
    }

    @Test
    void paramsOtherThanVirtualReadersGetAClearError() {
        NoSuchAlgorithmException none = assertThrows(NoSuchAlgorithmException.class,
                () -> TerminalFactory.getInstance(SimulatorProvider.TYPE, null, new SimulatorProvider()));
        assertTrue(none.getMessage().contains("VirtualReaders"), none.getMessage());
        NoSuchAlgorithmException wrong = assertThrows(NoSuchAlgorithmException.class,
                () -> TerminalFactory.getInstance(SimulatorProvider.TYPE, "readers", new SimulatorProvider()));
        assertTrue(wrong.getMessage().contains("java.lang.String"), wrong.getMessage());
    }

    @Test
    void readerNamesMustBeUniqueAndNotBlank() {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add("Farebox Virtual Contactless 0");
        assertThrows(IllegalArgumentException.class, () -> readers.add("Farebox Virtual Contactless 0"));
        assertThrows(IllegalArgumentException.class, () -> readers.add(" "));
        assertSame(field, readers.find("Farebox Virtual Contactless 0").orElseThrow());
        assertTrue(readers.find("nope").isEmpty());
    }
}
