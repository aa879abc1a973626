package io.hyperlab.host.xapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * JSON as XAPI writes it: floats may be bare {@code Infinity}/{@code NaN} or strings such as
 * {@code "+Infinity"}, ints may come as strings, records carry more fields than we read, and
 * datetimes come in several spellings (see {@link #parseDateTime}).
 */
public final class XapiJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(new SimpleModule("xapi-datetime").addDeserializer(Instant.class, new DateTimeDeserializer()))
        .build();

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss");

    private XapiJson() {
    }

    /**
     * Reads an XAPI datetime: {@code 20240420T12:00:00Z}, the same without zone (UTC, as XAPI
     * means it), ISO-8601 with dashes or an offset, or seconds since the epoch ({@code 1627478400.}).
     */
    public static Instant parseDateTime(String text) {
        String value = text.strip();
        try {
            if (value.matches("\\d+(\\.\\d*)?")) {
                BigDecimal seconds = new BigDecimal(value.endsWith(".") ? value + "0" : value);
                return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            if (value.matches("\\d{8}T.*")) {
                String local = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
                return LocalDateTime.parse(local, BASIC).toInstant(ZoneOffset.UTC);
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new XapiProtocolException("XAPI sent the datetime '" + text + "', which is in none of its formats");
        }
    }

    private static final class DateTimeDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parseDateTime(parser.getValueAsString());
        }
    }
}
