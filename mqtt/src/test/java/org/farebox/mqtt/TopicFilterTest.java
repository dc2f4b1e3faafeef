package org.farebox.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicFilterTest {
    @Test
    void wildcardsMatchAsTheBrokerRoutes() {
        assertTrue(TopicFilter.matches("farebox/v1/+/terminal/+/txn", "farebox/v1/op/terminal/T1/txn"));
        assertFalse(TopicFilter.matches("farebox/v1/+/terminal/+/txn", "farebox/v1/op/terminal/T1/ack"));
        assertFalse(TopicFilter.matches("farebox/v1/+/terminal/+/txn", "farebox/v1/op/terminal/T1/txn/x"));
        assertTrue(TopicFilter.matches("farebox/v1/op/fleet/#", "farebox/v1/op/fleet/keys"));
        assertTrue(TopicFilter.matches("farebox/v1/op/fleet/#", "farebox/v1/op/fleet"));
        assertFalse(TopicFilter.matches("#", "$SYS/broker/uptime"));
    }

    @Test
    void sharedSubscriptionsMatchWithoutTheirGroupPrefix() {
        assertTrue(TopicFilter.matches("$share/clearing/farebox/v1/+/terminal/+/txn", "farebox/v1/op/terminal/T1/txn"));
        assertFalse(TopicFilter.matches("$share/clearing/farebox/v1/+/terminal/+/txn", "$share/clearing/x"));
    }
}
