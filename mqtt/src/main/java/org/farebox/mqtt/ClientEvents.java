package org.farebox.mqtt;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * What one Paho client reports, tagged with that client: a link makes a new client per connection, and
 * events of a dead one must not be mistaken for the live one's.
 */
final class ClientEvents implements MqttCallback {
    private final MqttAsyncClient owner;
    private final BiConsumer<MqttAsyncClient, String> lost;
    private final Dispatcher dispatcher;

    ClientEvents(MqttAsyncClient owner, BiConsumer<MqttAsyncClient, String> lost, Dispatcher dispatcher) {
        this.owner = owner;
        this.lost = lost;
        this.dispatcher = dispatcher;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        lost.accept(owner, response.getReasonString() != null ? response.getReasonString()
                : response.getException() != null ? describe(response.getException())
                : "broker closed the connection (reason " + response.getReturnCode() + ")");
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        Logger.warn("MQTT error: {}", describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        dispatcher.arrived(owner, topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // PUBACKs are handled per publish (PubAckListener)
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the link learns of a connect from the connect token it waits on
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication: client certificates do that job
    }

    /** An exception and its cause in one line, for logs and the status report. */
    static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e || cause.getMessage() == null ? m : m + ": " + cause.getMessage();
    }
}
