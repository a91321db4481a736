package concord.server.web;

/** A bookmark launch that cannot start a session: the HTTP status, and a page title and text for people. */
public class LaunchRefusedException extends RuntimeException {
    private final int status;
    private final String title;
    private final String whatToDo;

    public LaunchRefusedException(int status, String title, String explanation, String whatToDo) {
        super(explanation);
        this.status = status;
        this.title = title;
        this.whatToDo = whatToDo;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
