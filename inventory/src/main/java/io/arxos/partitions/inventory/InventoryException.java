package io.arxos.partitions.inventory;

/** The inventory file is unreadable or invalid; the message names the path and value at fault. */
public class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }
}
