package io.hyperlab.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.ComboBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form: one row per field (label, input, and the field's error beside it), OK and Cancel.
 * Every field is checked before anything is sent; then the submit action runs off the GUI
 * thread, and an error the daemon pins on a field shows beside that field. What was typed stays.
 */
public final class FormDialog extends ConsoleWindow {
    /** What OK does with the values (by field name); runs off the GUI thread and may throw the daemon's error. */
    @FunctionalInterface
    public interface Submit {
        Object apply(Map<String, String> values);
    }

    static final int INPUT_WIDTH = 24;

    private final Console console;
    private final List<Field> fields;
    private final List<Interactable> inputs = new ArrayList<>();
    private final List<Label> errors = new ArrayList<>();
    private final Label status = new Label("");
    private final Submit submit;
    private boolean busy;
    private Object result;

    private FormDialog(Console console, String title, String intro, List<Field> fields, Submit submit) {
        super(title, Window.Hint.MODAL, Window.Hint.CENTERED);
        this.console = console;
        this.fields = fields;
        this.submit = submit;
        int columns = console.size().getColumns();
        int labelWidth = fields.stream().mapToInt(f -> f.label().length()).max().orElse(8) + 1;
        int errorWidth = Math.max(12, columns - 8 - labelWidth - INPUT_WIDTH - 4);

        Panel content = new Panel();
        if (intro != null && !intro.isBlank()) {
            content.addComponent(new Label(String.join("\n", Text.wrap(intro, Math.min(columns - 8, labelWidth + INPUT_WIDTH + errorWidth + 4)))));
            content.addComponent(new EmptySpace());
        }
        Panel grid = new Panel(new GridLayout(3).setHorizontalSpacing(2));
        for (Field field : fields) {
            grid.addComponent(new Label(field.label() + ":"));
            Interactable input = input(field);
            inputs.add(input);
            grid.addComponent((Component) input);
            Label error = new Label("").setForegroundColor(TextColor.ANSI.YELLOW_BRIGHT);
            error.setLabelWidth(errorWidth);
            errors.add(error);
            grid.addComponent(error);
        }
        status.setLabelWidth(Math.min(columns - 8, labelWidth + INPUT_WIDTH + errorWidth + 4));
        grid.addComponent(status, GridLayout.createHorizontallyFilledLayoutData(3));
        // OK alone under the inputs, so Down from any field lands on it; Esc cancels, as in xsconsole.
        grid.addComponent(new EmptySpace());
        grid.addComponent(new Button("OK", this::ok));
        grid.addComponent(new EmptySpace());
        content.addComponent(grid);
        content.addComponent(Frame.keysLabel("<Enter> Next field, then OK  <Up/Down> Move  <Esc> Cancel"));
        setComponent(content);
        if (!inputs.isEmpty()) {
            setFocusedInteractable(inputs.get(0));
        }
    }

    /**
     * Shows the form and waits (on the GUI thread) until it is sent or cancelled.
     *
     * @return what the submit action returned, or null when cancelled
     */
    public static Object show(Console console, String title, String intro, List<Field> fields, Submit submit) {
        FormDialog dialog = new FormDialog(console, title, intro, fields, submit);
        console.gui().addWindowAndWait(dialog);
        return dialog.result;
    }

    private static Interactable input(Field field) {
        if (!field.choices().isEmpty()) {
            ComboBox<String> box = new ComboBox<>(field.choices(), field.choices().indexOf(field.initial()));
            box.setReadOnly(true);
            box.setPreferredSize(new TerminalSize(INPUT_WIDTH, 1));
            return box;
        }
        TextBox box = new TextBox(new TerminalSize(INPUT_WIDTH, 1), field.initial());
        if (field.secret()) {
            box.setMask('*');
        }
        return box;
    }

    private String value(int index) {
        Interactable input = inputs.get(index);
        if (input instanceof ComboBox<?> box) {
            Object selected = box.getSelectedItem();
            return selected == null ? "" : selected.toString();
        }
        return ((TextBox) input).getText();
    }

    private void ok() {
        if (busy) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        int firstBad = -1;
        int bad = 0;
        for (int i = 0; i < fields.size(); i++) {
            String value = value(i);
            values.put(fields.get(i).name(), value);
            String problem = fields.get(i).check() == null ? null : fields.get(i).check().problem(value);
            errors.get(i).setText(problem == null ? "" : problem);
            if (problem != null) {
                bad++;
                firstBad = firstBad < 0 ? i : firstBad;
            }
        }
        if (firstBad >= 0) {
            say("Correct the field" + (bad > 1 ? "s" : "") + " marked, then OK.", TextColor.ANSI.YELLOW_BRIGHT);
            setFocusedInteractable(inputs.get(firstBad));
            return;
        }
        busy = true;
        say("Working...", TextColor.ANSI.WHITE);
        console.inBackground(() -> {
            try {
                Object done = submit.apply(values);
                console.onGui(() -> {
                    result = done == null ? Boolean.TRUE : done;
                    close();
                });
            } catch (ConsoleException e) {
                console.onGui(() -> refused(e));
            } catch (RuntimeException e) {
                console.onGui(() -> refused(new ConsoleException(String.valueOf(e.getMessage()), false, e)));
            }
        });
    }

    /** Shows the daemon's refusal beside its field when it names one, else below the fields. */
    private void refused(ConsoleException e) {
        busy = false;
        String field = e instanceof FieldError error ? error.field() : null;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                errors.get(i).setText(e.getMessage());
                setFocusedInteractable(inputs.get(i));
                say("Not done: see the field marked.", TextColor.ANSI.YELLOW_BRIGHT);
                return;
            }
        }
        say(e.getMessage(), TextColor.ANSI.YELLOW_BRIGHT);
    }

    private void say(String text, TextColor color) {
        status.setText(text);
        status.setForegroundColor(color);
    }

    @Override
    protected boolean closable() {
        return !busy;
    }
}
