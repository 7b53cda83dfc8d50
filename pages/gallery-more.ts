/**
 * The gallery's "More" tab: choice pills, feedback, text and media elements.
 */
import type { Container } from "../src/index.ts";

export function galleryMore(tab: Container) {
  tab.subheader("Pills and feedback");
  const toppings = tab.pills("Toppings", ["Cheese", "Olives", "Basil"], { key: "toppings", selectionMode: "multi", default: ["Cheese"] });
  const crust = tab.segmentedControl("Crust", ["Thin", "Classic", "Deep"], { key: "crust", default: "Classic" });
  const stars = tab.feedback("stars", { key: "stars" });
  tab.write(`Toppings ${JSON.stringify(toppings)}, crust ${JSON.stringify(crust)}, rating ${stars === null ? "none" : stars + 1}.`);
}
