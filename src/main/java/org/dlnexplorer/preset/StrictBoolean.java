package org.dlnexplorer.preset;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;

/**
 * A boolean preset field that takes only the JSON literals true and false: Gson's own adapter reads the string
 * "yes" as false, silently. The message carries the field's path, which the preset reader names.
 */
final class StrictBoolean extends TypeAdapter<Boolean> {
    @Override
    public void write(JsonWriter out, Boolean value) throws IOException {
        if (value == null) out.nullValue();
        else out.value(value);
    }

    @Override
    public Boolean read(JsonReader in) throws IOException {
        JsonToken t = in.peek();
        if (t == JsonToken.NULL) { in.nextNull(); return null; }
        if (t == JsonToken.BOOLEAN) return in.nextBoolean();
        String path = in.getPath();
        in.skipValue();
        throw new JsonParseException("must be true or false, got a " + t.name().toLowerCase(java.util.Locale.ROOT)
                + " at path " + path);
    }
}
