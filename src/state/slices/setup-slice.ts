import type { StateCreator } from 'zustand';
import type { RunSetupInput } from '../run-setup';
import { DEFAULT_MODEL_SPEC, type LayerSpec, type LayerType, type ModelSpec } from '../../core/model/model-spec';
import { defaultInsertIndex, defaultLayer, insertLayer, moveLayer, removeLayer, replaceLayer, updateLayer, type LayerPatch } from '../../core/model/model-spec-edit';
import { recipeById, type RecipeId } from '../../core/training/recipes';
import { chooseOptimizer, DEFAULT_HYPERPARAMETER_FORM, hyperparameterFormFrom, type HyperparameterForm } from '../hyperparameter-form';
import { TUTORIAL_RUN_LENGTH, trainingFormFrom } from '../training-form';
import type { AppState } from '../store';

/** What the next run will train: the network as edited and the optimiser settings as typed. */
export interface SetupData {
  /** The architecture being edited; may be invalid (the editor shows why, and Start waits). */
  readonly modelSpec: ModelSpec;
  readonly hyperparameterForm: HyperparameterForm;
}

/**
 * Setup actions. Layer edits address layers by 0-based index and throw RangeError / TypeError as the
 * core editing functions do (the editor only offers edits that exist).
 */
export interface SetupActions {
  setModelSpec(spec: ModelSpec): void;
  /** Add a new `type` layer with the tutorial's choices at `index` (default: before the output layer). */
  addModelLayer(type: LayerType, index?: number): void;
  removeModelLayer(index: number): void;
  moveModelLayer(index: number, offset: -1 | 1): void;
  updateModelLayer<T extends LayerType>(index: number, type: T, patch: LayerPatch<T>): void;
  replaceModelLayer(index: number, layer: LayerSpec): void;
  /**
   * Change fields of the optimiser form. A patch naming another optimiser switches to it first
   * (`chooseOptimizer`: its own learning rate and decay come back), then applies the other fields.
   */
  setHyperparameterForm(patch: Partial<HyperparameterForm>): void;
  /** The tutorial's network, optimiser, batch size and epochs, augmentation off (the data subsets stay as chosen). */
  applyTutorialPreset(): void;
  /**
   * A recipe's network and every setting, its data subsets included (`tutorial` is `applyTutorialPreset`,
   * which leaves the subsets as chosen).
   * @throws RangeError for an unknown recipe.
   */
  applyRecipe(id: RecipeId): void;
  /** Put a whole setup in the editor and forms at once: a run's own (see `setupFromLab`) or an accepted Keras import. */
  setRunSetup(setup: RunSetupInput): void;
}

/** Initial setup: the tutorial's network and optimiser. */
export const initialSetupData = (): SetupData => ({
  modelSpec: DEFAULT_MODEL_SPEC,
  hyperparameterForm: DEFAULT_HYPERPARAMETER_FORM,
});

/** Setup slice. */
export const createSetupSlice: StateCreator<AppState, [], [], SetupData & SetupActions> = (set, get) => ({
  ...initialSetupData(),
  setModelSpec: (spec) => set({ modelSpec: spec }),
  addModelLayer: (type, index) =>
    set((state) => ({ modelSpec: insertLayer(state.modelSpec, index ?? defaultInsertIndex(state.modelSpec), defaultLayer(type)) })),
  removeModelLayer: (index) => set((state) => ({ modelSpec: removeLayer(state.modelSpec, index) })),
  moveModelLayer: (index, offset) => set((state) => ({ modelSpec: moveLayer(state.modelSpec, index, offset) })),
  updateModelLayer: (index, type, patch) => set((state) => ({ modelSpec: updateLayer(state.modelSpec, index, type, patch) })),
  replaceModelLayer: (index, layer) => set((state) => ({ modelSpec: replaceLayer(state.modelSpec, index, layer) })),
  setHyperparameterForm: (patch) =>
    set((state) => {
      const { optimizer, ...rest } = patch;
      const switched = optimizer === undefined ? state.hyperparameterForm : chooseOptimizer(state.hyperparameterForm, optimizer);
      return { hyperparameterForm: { ...switched, ...rest } };
    }),
  applyTutorialPreset: () =>
    set((state) => ({
      modelSpec: DEFAULT_MODEL_SPEC,
      hyperparameterForm: DEFAULT_HYPERPARAMETER_FORM,
      // The tutorial does not augment its images.
      trainingForm: { ...state.trainingForm, ...TUTORIAL_RUN_LENGTH, augment: false },
    })),
  applyRecipe: (id) => {
    if (id === 'tutorial') {
      get().applyTutorialPreset();
      return;
    }
    const recipe = recipeById(id);
    set({ modelSpec: recipe.spec, hyperparameterForm: hyperparameterFormFrom(recipe.hyperparameters), trainingForm: trainingFormFrom(recipe.hyperparameters) });
  },
  setRunSetup: (setup) => set(setup),
});
