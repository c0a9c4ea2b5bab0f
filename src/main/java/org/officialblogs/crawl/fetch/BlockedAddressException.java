package org.officialblogs.crawl.fetch;

import java.net.UnknownHostException;

/**
 * Thrown from inside the HTTP client's name resolution when every address of a host is refused by the guard; an
 * {@link UnknownHostException} because that is all the client's resolver contract lets through.
 */
final class BlockedAddressException extends UnknownHostException {

    BlockedAddressException(String message) {
        super(message);
    }
}
