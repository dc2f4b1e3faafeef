package org.farebox.terminal.hmi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Pi4J context on the mock platform, with an I2C provider whose devices can be made to fail. */
final class MockPi4j {

    static {
        QuietPi4jLogs.install();
    }

    /** Set to make every I2C write throw, as when the backpack stops answering (NACK). */
    final AtomicBoolean i2cFails = new AtomicBoolean();
    final Context context;

    MockPi4j() {
        context = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalOutputProvider.newInstance(), new FailableI2CProvider())
                .build();
    }

    /** Everything written to a mock I2C device since the last call (the mock queues writes for reading). */
    byte[] drain(String i2cId) {
        I2C device = context.io(i2cId, I2C.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Read into a buffer: the single-byte read() returns the byte signed, so 0xFF would look like "empty".
        byte[] buffer = new byte[256];
        int n;
        while ((n = device.read(buffer, 0, buffer.length)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private final class FailableI2CProvider extends MockI2CProviderImpl {
        @Override
        public I2C create(I2CConfig config) {
            I2C device = new MockI2C(this, config) {
                @Override
                public int write(byte b) {
                    failIfAsked();
                    return super.write(b);
                }

                @Override
                public int write(byte[] data, int offset, int length) {
                    failIfAsked();
                    return super.write(data, offset, length);
                }
            };
            // As the stock mock provider does: the provider registers what it creates.
            context().registry().add(device);
            return device;
        }

        private void failIfAsked() {
            if (i2cFails.get()) {
                throw new com.pi4j.io.exception.IOException("mock I2C: no acknowledge");
            }
        }
    }
}
