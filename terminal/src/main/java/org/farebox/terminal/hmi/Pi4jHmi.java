package org.farebox.terminal.hmi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The HMI of a validator on a Raspberry Pi: green and red LEDs and an active buzzer on GPIO outputs, an
 * HD44780 LCD behind a PCF8574 I2C backpack for the passenger, and optionally a second one for the driver.
 *
 * <p>{@link #show} sets the LEDs and buzzer at once, writes the LCD rows that changed and returns; the rest of
 * the LED/buzzer pattern runs on a daemon thread and is called off by the next show. A failing LED, buzzer or
 * LCD write is logged (once, until it works again) and never reaches the tap path; a broken LCD is
 * re-initialised at the next show.
 */
public final class Pi4jHmi implements Hmi {

    public static final String GREEN_LED_ID = "farebox-led-green";
    public static final String RED_LED_ID = "farebox-led-red";
    public static final String BUZZER_ID = "farebox-buzzer";
    public static final String PASSENGER_LCD_ID = "farebox-lcd-passenger";
    public static final String DRIVER_LCD_ID = "farebox-lcd-driver";

    private final Context pi4j;
    private final boolean ownsContext;
    private final List<String> ioIds = new ArrayList<>();
    private final PatternScheduler scheduler;
    private final PatternPlayer player;
    private final List<LcdPanel> panels = new ArrayList<>();
    private boolean closed;

    /** Uses a Pi4J context the caller owns (and shuts down); the IOs are created here and released by close. */
    public Pi4jHmi(Context pi4j, Pi4jHmiConfig config) {
        this(pi4j, config, PatternScheduler.daemonThread("farebox-hmi-indicators"), Pause.sleeping(), false);
    }

    Pi4jHmi(Context pi4j, Pi4jHmiConfig config, PatternScheduler scheduler, Pause pause, boolean ownsContext) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j");
        Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownsContext = ownsContext;
        try {
            DigitalOutput green = output(GREEN_LED_ID, "green LED", config.greenLedPin());
            DigitalOutput red = output(RED_LED_ID, "red LED", config.redLedPin());
            DigitalOutput buzzer = output(BUZZER_ID, "buzzer", config.buzzerPin());
            this.player = new PatternPlayer(state -> {
                green.state(DigitalState.getState(state.green()));
                red.state(DigitalState.getState(state.red()));
                buzzer.state(DigitalState.getState(state.buzzer()));
            }, scheduler);
            ScreenLayout passenger = new ScreenLayout(config.lcdGeometry());
            panels.add(new LcdPanel("passenger LCD",
                    lcd(PASSENGER_LCD_ID, config.i2cBus(), config.lcdAddress(), config.lcdGeometry(), pause),
                    passenger::passengerLines));
            if (config.driverLcdAddress().isPresent()) {
                ScreenLayout driver = new ScreenLayout(config.driverLcdGeometry());
                panels.add(new LcdPanel("driver LCD", lcd(DRIVER_LCD_ID, config.i2cBus(),
                        config.driverLcdAddress().getAsInt(), config.driverLcdGeometry(), pause), driver::driverLines));
            }
        } catch (RuntimeException e) {
            releaseIos();
            scheduler.close();
            throw e;
        }
        panels.forEach(LcdPanel::powerOn);
    }

    /** For the daemon: builds the real Pi4J context (GPIO via gpiod, I2C via linuxfs) and shuts it down on close. */
    public static Pi4jHmi open(Pi4jHmiConfig config) {
        Context context = Pi4J.newAutoContext();
        try {
            return new Pi4jHmi(context, config, PatternScheduler.daemonThread("farebox-hmi-indicators"),
                    Pause.sleeping(), true);
        } catch (RuntimeException e) {
            context.shutdown();
            throw e;
        }
    }

    @Override
    public synchronized void show(Display display) {
        Objects.requireNonNull(display, "display");
        if (closed) {
            Logger.warn("HMI is closed; not showing {}", display.kind());
            return;
        }
        player.play(Indicators.patternFor(display));
        for (LcdPanel panel : panels) {
            panel.show(display);
        }
    }

    /** Switches the LEDs and buzzer off, stops the pattern thread and releases the GPIO and I2C devices. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        player.close();
        scheduler.close();
        releaseIos();
        if (ownsContext) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                Logger.warn(e, "Pi4J did not shut down cleanly");
            }
        }
    }

    private DigitalOutput output(String id, String what, int pin) {
        try {
            DigitalOutput output = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(what)
                    .address(pin).initial(DigitalState.LOW).shutdown(DigitalState.LOW));
            ioIds.add(id);
            return output;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open GPIO " + pin + " (BCM) for the " + what
                    + ": check the pin number and that no other program uses it (" + e.getMessage() + ")", e);
        }
    }

    private BackpackLcd lcd(String id, int bus, int address, LcdGeometry geometry, Pause pause) {
        I2C i2c;
        try {
            i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).bus(bus).device(address));
            ioIds.add(id);
        } catch (RuntimeException e) {
            throw new IllegalStateException(String.format("Cannot open I2C bus %d for the LCD at 0x%02X: check that"
                    + " I2C is enabled (raspi-config) and the bus number (%s)", bus, address, e.getMessage()), e);
        }
        return new BackpackLcd(i2c::write, geometry, pause);
    }

    private void releaseIos() {
        for (String id : ioIds) {
            try {
                pi4j.shutdown(id);
            } catch (RuntimeException e) {
                Logger.warn(e, "Could not release Pi4J device {}", id);
            }
        }
        ioIds.clear();
    }

    /** One LCD with what it shows; its failures are logged once per outage and never thrown. */
    private static final class LcdPanel {
        private final String name;
        private final BackpackLcd lcd;
        private final Function<Display, List<String>> render;
        private boolean failing;

        LcdPanel(String name, BackpackLcd lcd, Function<Display, List<String>> render) {
            this.name = name;
            this.lcd = lcd;
            this.render = render;
        }

        void powerOn() {
            attempt(() -> lcd.initialise(true));
        }

        void show(Display display) {
            List<String> rows = render.apply(display);
            attempt(() -> {
                if (!lcd.isInitialised()) {
                    lcd.initialise(false);
                }
                lcd.show(rows);
            });
        }

        private void attempt(Runnable write) {
            try {
                write.run();
                if (failing) {
                    Logger.info("The {} works again", name);
                    failing = false;
                }
            } catch (RuntimeException e) {
                lcd.forget();
                if (!failing) {
                    Logger.warn(e, "Cannot write to the {}; taps go on, it will be re-initialised at the next"
                            + " display", name);
                    failing = true;
                }
            }
        }
    }
}
