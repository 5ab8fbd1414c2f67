import { useId } from 'react';
import { RECIPES, type Recipe } from '../../../core/training/recipes';
import { useAppStore } from '../../../state/store';

/** What each button's hint says: the tutorial's numbers, or the recipe's purpose. */
function hintOf(recipe: Recipe): string {
  return recipe.id === 'tutorial'
    ? 'The tutorial’s layers, SGD (learning rate 0.01, momentum 0.5, decay 0.0004), batch 512, 25 epochs'
    : recipe.purpose;
}

/**
 * One click to a whole recipe — network and settings: "Tutorial model" puts the tutorial back (the
 * data subsets stay as chosen); "Quick demo" and "Better recipe" set everything, their data included.
 * Under them, what each recipe changes from the tutorial and why.
 */
export function RecipePresets({ disabled, onApplied }: { readonly disabled: boolean; readonly onApplied: (recipe: Recipe) => void }) {
  const apply = useAppStore((state) => state.applyRecipe);
  const id = useId();
  return (
    <div className="recipe-presets">
      <div className="recipe-buttons" role="group" aria-label="Recipes">
        {RECIPES.map((recipe) => (
          <div key={recipe.id} className="tutorial-preset">
            <button
              type="button"
              disabled={disabled}
              aria-describedby={`${id}-${recipe.id}`}
              onClick={() => {
                apply(recipe.id);
                onApplied(recipe);
              }}
            >
              {recipe.name}
            </button>
            <span id={`${id}-${recipe.id}`} className="tutorial-preset-hint">
              {hintOf(recipe)}
            </span>
          </div>
        ))}
      </div>
      <details className="recipe-changes">
        <summary>What the recipes change, and why</summary>
        {RECIPES.filter((recipe) => recipe.changes.length > 0).map((recipe) => (
          <section key={recipe.id} aria-label={`${recipe.name}: changes`}>
            <h4>{recipe.name}</h4>
            <ul>
              {recipe.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </section>
        ))}
      </details>
    </div>
  );
}
