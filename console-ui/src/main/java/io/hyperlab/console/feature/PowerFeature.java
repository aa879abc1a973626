package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Pane;
import java.util.List;
import java.util.Locale;

/**
 * Reboot or shut down the appliance, each confirmed with F8; the daemon has the image's root
 * helper do it. Offered on the appliance only: a daemon elsewhere never powers off its machine.
 */
final class PowerFeature implements Feature {
    /** The daemon's route and the words for each choice, in the order offered. */
    private record Choice(String route, String label, String question, String doing) {
    }

    private static final List<Choice> CHOICES = List.of(
        new Choice("api/v1/appliance/reboot", "Reboot", "Reboot the appliance?", "rebooting"),
        new Choice("api/v1/appliance/shutdown", "Shut down", "Shut down the appliance? It stays off until it is started from"
            + " its hypervisor.", "shutting down"));
    private static final String STOPS = " The daemon stops first: a running benchmark is stored as cancelled with the trials it"
        + " completed, and this console loses its connection.";

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Reboot or Shut Down", 85, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Reboot or Shut Down").blank();
        JsonNode appliance = pane.item(console.hot().get(StatusFeature.APPLIANCE), "the appliance's status");
        if (appliance == null) {
            return;
        }
        String refusal = StatusFeature.notOnAppliance(console, appliance, "reboot or shut down this machine");
        if (refusal != null) {
            pane.text(refusal);
            return;
        }
        pane.text("Reboot the appliance, or shut it down." + STOPS);
        int queued = appliance.path("queueLength").asInt();
        if (queued > 0) {
            pane.blank().field("Queued runs", queued + " (they are dropped)");
        }
        pane.blank().hint("Press <Enter> to choose; <F8> confirms.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the appliance's status", () -> console.client().get(StatusFeature.APPLIANCE), appliance -> {
            String refusal = StatusFeature.notOnAppliance(console, appliance, "reboot or shut down this machine");
            if (refusal != null) {
                console.message("Reboot or Shut Down", refusal);
                return;
            }
            int chosen = console.choose("Reboot or Shut Down", null, CHOICES.stream().map(Choice::label).toList());
            if (chosen < 0) {
                return;
            }
            Choice choice = CHOICES.get(chosen);
            if (console.confirm(choice.label(), choice.question() + STOPS)) {
                console.run(choice.label().toLowerCase(Locale.ROOT) + " the appliance",
                    () -> console.client().post(choice.route(), null),
                    answer -> console.announce("The appliance is " + choice.doing() + "."));
            }
        });
    }
}
