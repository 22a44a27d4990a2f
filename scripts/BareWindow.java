import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The baseline for startup-vs-bare-javafx.sh: the smallest JavaFX window, on the same JavaFX jars. */
public class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("BareWindow");
        stage.setScene(new Scene(new Label("baseline"), 300, 200));
        stage.show();
    }

    /** A plain main, as JavaFX on the classpath requires. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
