package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.io.SerializedString;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Map;

/**
 * Everything the reader and writer need about one SDK model class, computed once per class: its members grouped by
 * HTTP location, looked up by wire name, each with its resolved {@link ValueType}. Reflection happens here only.
 */
final class PojoShape {

    private static final ClassValue<PojoShape> SHAPES = new ClassValue<>() {
        @Override
        protected PojoShape computeValue(Class<?> type) {
            return new PojoShape(type);
        }
    };

    /** One member of the class. */
    static final class Member {
        final SdkField<Object> field;
        final String memberName;
        /** The name the SDK marshals requests with. */
        final String readName;
        /** The name the SDK unmarshalls responses from. */
        final String writeName;
        /** {@link #writeName} quoted and encoded once, for the writer. */
        final SerializedString writeNameJson;
        final MarshallLocation location;
        final ValueType type;
        final boolean jsonValue;
        /** A list or map member, whose value may be the SDK's "never set" placeholder. */
        final boolean collection;
        /** The field's own getter when it has no default to fill in; null: ask the field. */
        private final Function<Object, Object> getter;
        /** Header members: the name as AwsHttpRequest keys it (lower case). */
        final String headerKey;

        @SuppressWarnings("unchecked")
        Member(SdkField<?> field) {
            this.field = (SdkField<Object>) field;
            this.memberName = field.memberName();
            this.readName = field.locationName();
            this.writeName = field.unmarshallLocationName() != null ? field.unmarshallLocationName()
                    : field.locationName();
            this.writeNameJson = writeName == null ? null : new SerializedString(writeName);
            this.location = field.location();
            this.type = ValueType.of(field);
            this.jsonValue = field.containsTrait(JsonValueTrait.class);
            this.collection = type.kind == ValueType.Kind.LIST || type.kind == ValueType.Kind.MAP;
            this.getter = field.containsTrait(DefaultValueTrait.class) ? null : SdkFieldGetters.of(field);
            this.headerKey = field.locationName() == null ? null : field.locationName().toLowerCase(Locale.ROOT);
        }

        Object get(Object pojo) {
            return getter != null ? getter.apply(pojo) : field.getValueOrDefault(pojo);
        }

        void set(Object builder, Object value) {
            field.set(builder, value);
        }
    }

    final Class<?> pojoClass;
    private final MethodHandle builderFactory;
    final List<Member> members;
    /** Body members (not the explicit payload), in model order. */
    final Member[] bodyMembers;
    final Map<String, Member> bodyMembersByReadName;
    final Member[] pathMembers;
    final Member[] queryMembers;
    final Member[] headerMembers;
    final Member statusCodeMember;
    /** The member that is the whole body (PayloadTrait), or null. */
    final Member explicitPayload;
    final Map<String, Member> byMemberName;

    private PojoShape(Class<?> pojoClass) {
        this.pojoClass = pojoClass;
        try {
            this.builderFactory = MethodHandles.publicLookup()
                    .findStatic(pojoClass, "builder", MethodType.methodType(pojoClass.getMethod("builder").getReturnType()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(pojoClass.getName() + " is not an SDK model class (no static builder())", e);
        }
        SdkPojo sample = newBuilder();
        List<Member> all = new ArrayList<>();
        List<Member> body = new ArrayList<>();
        List<Member> path = new ArrayList<>();
        List<Member> query = new ArrayList<>();
        List<Member> header = new ArrayList<>();
        Map<String, Member> byReadName = new HashMap<>();
        Map<String, Member> byName = new HashMap<>();
        Member status = null;
        Member payload = null;
        for (SdkField<?> field : sample.sdkFields()) {
            Member m = new Member(field);
            all.add(m);
            byName.put(m.memberName, m);
            switch (m.location) {
                case PATH, GREEDY_PATH -> path.add(m);
                case QUERY_PARAM -> query.add(m);
                case HEADER -> header.add(m);
                case STATUS_CODE -> status = m;
                default -> {
                    if (field.containsTrait(PayloadTrait.class)) {
                        payload = m;
                    } else {
                        body.add(m);
                        byReadName.put(m.readName, m);
                    }
                }
            }
        }
        this.members = List.copyOf(all);
        this.bodyMembers = body.toArray(new Member[0]);
        this.bodyMembersByReadName = Map.copyOf(byReadName);
        this.pathMembers = path.toArray(new Member[0]);
        this.queryMembers = query.toArray(new Member[0]);
        this.headerMembers = header.toArray(new Member[0]);
        this.statusCodeMember = status;
        this.explicitPayload = payload;
        this.byMemberName = Map.copyOf(byName);
    }

    static PojoShape of(Class<?> pojoClass) {
        return SHAPES.get(pojoClass);
    }

    /** The shape of the class a builder builds: generated builders are nested in their model class. */
    static PojoShape ofBuilder(SdkPojo builder) {
        Class<?> declaring = builder.getClass().getDeclaringClass();
        if (declaring == null) {
            throw new IllegalArgumentException(builder.getClass().getName() + " is not nested in its model class");
        }
        return of(declaring);
    }

    SdkPojo newBuilder() {
        try {
            return (SdkPojo) builderFactory.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static SdkPojo build(SdkPojo builder) {
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    boolean hasBody() {
        return bodyMembers.length > 0 || explicitPayload != null;
    }
}
