package io.patternscope.bus;

/**
 * Handles one delivery. Returning normally acks it; throwing {@link PoisonMessageException}
 * terminates it; any other exception asks for redelivery after a back-off.
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Delivery delivery) throws Exception;
}
