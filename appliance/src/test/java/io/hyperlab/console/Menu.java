package io.hyperlab.console;

import io.hyperlab.console.feature.Features;
import java.util.Comparator;
import java.util.List;

/** The product's menu as the frame orders it, so tests move to an item by its text. */
public final class Menu {
    private Menu() {
    }

    static List<String> texts() {
        return Features.all().stream().map(Feature::entry).sorted(Comparator.comparingInt(Feature.MenuEntry::priority))
            .map(Feature.MenuEntry::text).toList();
    }

    public static int size() {
        return texts().size();
    }

    /** How many times Down moves from the first item to this one. */
    public static int index(String text) {
        int index = texts().indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("no menu item '" + text + "': the menu has " + texts());
        }
        return index;
    }
}
