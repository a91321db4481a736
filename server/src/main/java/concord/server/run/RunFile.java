package concord.server.run;

import io.micronaut.serde.annotation.Serdeable;

/** A run's file as listed (without its content). */
@Serdeable
public record RunFile(String name, String mediaType, long size) {
}
