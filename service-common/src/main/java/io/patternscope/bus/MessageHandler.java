package io.patternscope.bus;

/**
 * Handles one delivery. Returning normally acks it; throwing {@link PoisonMessageException}
 * terminates it; any other exception asks for redelivery after a back-off.
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Delivery delivery) throws Exception;

    /**
     * Called once when the last allowed delivery failed too, so that the pipeline can say the
     * work is lost (and the analysis is not left waiting) instead of dropping it silently.
     */
    default void onGiveUp(Delivery delivery, Exception cause) {
    }
}
