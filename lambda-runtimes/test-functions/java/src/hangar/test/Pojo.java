package hangar.test;

/** Handler hangar.test.Pojo::upper: a method handler without the RequestHandler interface, String in and out. */
public class Pojo {
    public String upper(String input) {
        return input == null ? null : input.toUpperCase();
    }
}
