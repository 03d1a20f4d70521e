package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model in the shape of the SDK's generated classes with the query forms IAM, STS, ELBv2 and EC2 never use and SQS,
 * SNS and CloudWatch do: a flattened list ({@code Name.N}), a list with its own member name ({@code Items.Item.N}),
 * a flattened map with its own key and value names ({@code Attribute.N.Name}), a map with its own names, an explicit
 * timestamp format and a blob. Public, as PojoShape looks its builder up with the public lookup.
 */
public final class FlatQueryShapes implements SdkPojo {

    private static final SdkField<List<String>> NAMES = SdkField.<List<String>>builder(MarshallingType.LIST)
            .memberName("Names").getter(o -> ((FlatQueryShapes) o).names).setter((b, v) -> ((Builder) b).names = v)
            .traits(location("Name"), ListTrait.builder().memberFieldInfo(string("member")).isFlattened(true).build())
            .build();
    private static final SdkField<List<String>> ITEMS = SdkField.<List<String>>builder(MarshallingType.LIST)
            .memberName("Items").getter(o -> ((FlatQueryShapes) o).items).setter((b, v) -> ((Builder) b).items = v)
            .traits(location("Items"), ListTrait.builder().memberLocationName("Item").memberFieldInfo(string("Item"))
                    .build())
            .build();
    private static final SdkField<Map<String, String>> ATTRIBUTES = SdkField.<Map<String, String>>builder(
                    MarshallingType.MAP)
            .memberName("Attributes").getter(o -> ((FlatQueryShapes) o).attributes)
            .setter((b, v) -> ((Builder) b).attributes = v)
            .traits(location("Attribute"), MapTrait.builder().keyLocationName("Name").valueLocationName("Value")
                    .valueFieldInfo(string("Value")).isFlattened(true).build())
            .build();
    private static final SdkField<Map<String, String>> LABELS = SdkField.<Map<String, String>>builder(
                    MarshallingType.MAP)
            .memberName("Labels").getter(o -> ((FlatQueryShapes) o).labels)
            .setter((b, v) -> ((Builder) b).labels = v)
            .traits(location("Labels"), MapTrait.builder().keyLocationName("Key").valueLocationName("Val")
                    .valueFieldInfo(string("Val")).build())
            .build();
    private static final SdkField<Instant> WHEN = SdkField.<Instant>builder(MarshallingType.INSTANT)
            .memberName("When").getter(o -> ((FlatQueryShapes) o).when).setter((b, v) -> ((Builder) b).when = v)
            .traits(location("When"), TimestampFormatTrait.create(TimestampFormatTrait.Format.UNIX_TIMESTAMP))
            .build();
    private static final SdkField<SdkBytes> DATA = SdkField.<SdkBytes>builder(MarshallingType.SDK_BYTES)
            .memberName("Data").getter(o -> ((FlatQueryShapes) o).data).setter((b, v) -> ((Builder) b).data = v)
            .traits(location("Data")).build();
    private static final List<SdkField<?>> FIELDS = List.of(NAMES, ITEMS, ATTRIBUTES, LABELS, WHEN, DATA);

    private final List<String> names;
    private final List<String> items;
    private final Map<String, String> attributes;
    private final Map<String, String> labels;
    private final Instant when;
    private final SdkBytes data;

    private FlatQueryShapes(Builder b) {
        this.names = b.names;
        this.items = b.items;
        this.attributes = b.attributes;
        this.labels = b.labels;
        this.when = b.when;
        this.data = b.data;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static LocationTrait location(String name) {
        return LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName(name)
                .unmarshallLocationName(name).build();
    }

    private static SdkField<String> string(String name) {
        return SdkField.<String>builder(MarshallingType.STRING).traits(location(name)).build();
    }

    @Override
    public List<SdkField<?>> sdkFields() {
        return FIELDS;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlatQueryShapes o && Objects.equals(names, o.names) && Objects.equals(items, o.items)
                && Objects.equals(attributes, o.attributes) && Objects.equals(labels, o.labels)
                && Objects.equals(when, o.when) && Objects.equals(data, o.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, items, attributes, labels, when, data);
    }

    @Override
    public String toString() {
        return "FlatQueryShapes(" + names + ", " + items + ", " + attributes + ", " + labels + ", " + when + ", "
                + data + ")";
    }

    public static final class Builder implements SdkPojo, SdkBuilder<Builder, FlatQueryShapes> {
        List<String> names;
        List<String> items;
        Map<String, String> attributes;
        Map<String, String> labels;
        Instant when;
        SdkBytes data;

        Builder names(List<String> v) { names = v; return this; }
        Builder items(List<String> v) { items = v; return this; }
        Builder attributes(Map<String, String> v) { attributes = v; return this; }
        Builder labels(Map<String, String> v) { labels = v; return this; }
        Builder when(Instant v) { when = v; return this; }
        Builder data(SdkBytes v) { data = v; return this; }

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        public FlatQueryShapes build() {
            return new FlatQueryShapes(this);
        }
    }
}
