package org.farebox.mqtt;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;

/**
 * Completes a publish's future from Paho's answer and gives its window slot back. MQTT 5 brokers refuse
 * with a reason code inside a successful PUBACK (135 = not authorized), so success is checked too.
 */
final class PubAckListener implements MqttActionListener {
    private final String topic;
    private final PublishWindow.Permit permit;
    private final CompletableFuture<Void> result;

    PubAckListener(String topic, PublishWindow.Permit permit, CompletableFuture<Void> result) {
        this.topic = topic;
        this.permit = permit;
        this.result = result;
    }

    @Override
    public void onSuccess(IMqttToken token) {
        permit.release();
        int refused = firstFailure(token.getReasonCodes());
        if (refused >= 0) {
            result.completeExceptionally(new PublishRefusedException("publish to " + topic, refused));
        } else {
            result.complete(null);
        }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable e) {
        permit.release();
        result.completeExceptionally(e);
    }

    /** The first MQTT 5 failure reason code (0x80 and up), or -1 when all succeeded. */
    static int firstFailure(int[] codes) {
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    return code;
                }
            }
        }
        return -1;
    }
}
