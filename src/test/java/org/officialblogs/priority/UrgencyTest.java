package org.officialblogs.priority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrgencyTest {

    @Test
    void aThreadThatSetNoneGoesBeforeAnyCrawlAndACrawlsEstimateStandsUntilCleared() throws Exception {
        int[] seen = new int[4];
        Thread t = new Thread(() -> {
            seen[0] = Urgency.current();
            Urgency.set(12);
            seen[1] = Urgency.current();
            Urgency.set(-3);
            seen[2] = Urgency.current();
            Urgency.clear();
            seen[3] = Urgency.current();
        });
        t.start();
        t.join();
        assertThat(seen).containsExactly(Integer.MAX_VALUE, 12, 0, Integer.MAX_VALUE);
    }
}
