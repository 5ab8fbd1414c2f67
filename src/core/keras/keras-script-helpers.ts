/**
 * The Python half of `train.py` that does not depend on the lab: reading CIFAR-10 (from keras.datasets
 * or from the app's prepared files), the app's own subset, shuffle and augmentation ported line for
 * line from core (seeded-random.ts, dataset-indices.ts, run-pools.ts, training-batches.ts,
 * image-augment.ts) so the script feeds Keras the very images, in the very order, the app would, and
 * reading a tfjs model's weights straight from its `model.json` manifest and weight files.
 *
 * Kept as text here (not a separate .py file) so the browser can write the whole script without a
 * request. `tests/scripts/keras-script.test.ts` runs it in real Keras and checks the ports against the
 * TypeScript they copy.
 */

/** The helpers, as Python source (module level, after the imports and the lab). */
export const PYTHON_HELPERS = String.raw`
CLASS_COUNT = 10
CLASS_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
U32 = 0xFFFFFFFF


def imul(a, b):
    """JavaScript's Math.imul, on unsigned 32-bit values: the low 32 bits of the product."""
    return (a * b) & U32


def mulberry32(seed):
    """The app's seeded generator (src/core/common/seeded-random.ts): uniform floats in [0, 1)."""
    state = seed & U32

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & U32
        mixed = imul(state ^ (state >> 15), 1 | state)
        mixed = ((mixed + imul(mixed ^ (mixed >> 7), 61 | mixed)) & U32) ^ mixed
        return ((mixed ^ (mixed >> 14)) & U32) / 4294967296

    return random


def stratified_quotas(class_sizes, size):
    """Images per class of a class-balanced subset (largest remainder, ties to the lower class)."""
    total = sum(class_sizes)
    exact = [n * size / total for n in class_sizes]
    quotas = [math.floor(value) for value in exact]
    missing = size - sum(quotas)
    by_remainder = sorted(range(len(exact)), key=lambda index: (-(exact[index] - math.floor(exact[index])), index))
    for index in by_remainder:
        if missing == 0:
            break
        if quotas[index] < class_sizes[index]:
            quotas[index] += 1
            missing -= 1
    return quotas


def stratified_subset(labels, size, seed):
    """The app's class-balanced subset of 'size' images drawn with 'seed', as ascending indices."""
    by_class = [np.flatnonzero(labels == label) for label in range(CLASS_COUNT)]
    quotas = stratified_quotas([len(indices) for indices in by_class], size)
    random = mulberry32(seed)
    chosen = []
    for label, indices in enumerate(by_class):
        pool = indices.copy()
        for i in range(quotas[label]):
            j = i + math.floor(random() * (len(pool) - i))
            chosen.append(pool[j])
            pool[j] = pool[i]
    return np.sort(np.array(chosen, dtype=np.int64))


def app_subset(images, labels, size, seed):
    """'size' images of a split as the app picks them (all of them for None)."""
    if size is None or size >= len(labels):
        return images, labels
    indices = stratified_subset(labels, size, seed)
    return images[indices], labels[indices]


def epoch_seed(seed, epoch):
    return imul(seed & U32, 0x9E3779B1) ^ imul(epoch + 1, 0x85EBCA6B)


def epoch_order(count, seed, epoch):
    """The app's visiting order of epoch 'epoch': a seeded Fisher-Yates shuffle of 0 ... count - 1."""
    order = list(range(count))
    random = mulberry32(epoch_seed(seed, epoch))
    for index in range(count - 1, 0, -1):
        other = math.floor(random() * (index + 1))
        order[index], order[other] = order[other], order[index]
    return np.array(order, dtype=np.int64)


def augmentation_seed(seed, iteration):
    return imul(seed & U32, 0x27D4EB2F) ^ imul(iteration + 1, 0x165667B1)


def draw_transform(random, max_shift=2):
    """One picture's mirror and shift, drawn as the app draws them (src/core/data/image-augment.ts)."""
    flip = random() < 0.5
    dx = math.floor(random() * (2 * max_shift + 1)) - max_shift
    dy = math.floor(random() * (2 * max_shift + 1)) - max_shift
    return flip, dx, dy


def augment_batch(images, seed, iteration):
    """Mirror half the pictures and shift each by up to 2 px (edge pixels repeat), new at every update."""
    random = mulberry32(augmentation_seed(seed, iteration))
    height, width = images.shape[1], images.shape[2]
    out = np.empty_like(images)
    for index, image in enumerate(images):
        flip, dx, dy = draw_transform(random)
        rows = np.clip(np.arange(height) - dy, 0, height - 1)
        columns = np.arange(width)
        if flip:
            columns = width - 1 - columns
        columns = np.clip(columns - dx, 0, width - 1)
        out[index] = image[rows][:, columns]
    return out


class AppBatches(keras.utils.PyDataset):
    """Training batches as the app makes them: its shuffle per epoch, its augmentation per update, pixels / 255."""

    def __init__(self, images, labels, batch_size, seed, augment, **kwargs):
        super().__init__(**kwargs)
        self.images, self.labels = images, labels
        self.batch_size, self.seed, self.augment = batch_size, seed, augment
        self.epoch = 0
        self.order = epoch_order(len(images), seed, 0)

    def __len__(self):
        return math.ceil(len(self.images) / self.batch_size)

    def __getitem__(self, batch):
        chosen = self.order[batch * self.batch_size:(batch + 1) * self.batch_size]
        images = self.images[chosen]
        if self.augment:
            images = augment_batch(images, self.seed, self.epoch * len(self) + batch)
        return images.astype("float32") / 255.0, self.labels[chosen]

    def on_epoch_end(self):
        self.epoch += 1
        self.order = epoch_order(len(self.images), self.seed, self.epoch)


def updates_per_epoch():
    """Batches in one epoch of TRAIN_IMAGES training images (None: all 50 000), for the one-cycle schedule's length."""
    return math.ceil(min(TRAIN_IMAGES or 50000, 50000) / BATCH_SIZE)


def load_cifar10(data_dir=None):
    """CIFAR-10 as uint8 NHWC images and class indices: from keras.datasets, or the app's prepared files."""
    if data_dir is None:
        (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
        return (x_train, y_train.reshape(-1).astype(np.int64)), (x_test, y_test.reshape(-1).astype(np.int64))

    def read(split):
        images_path = os.path.join(data_dir, split + "-images.bin")
        labels_path = os.path.join(data_dir, split + "-labels.bin")
        for path in (images_path, labels_path):
            if not os.path.exists(path):
                sys.exit(f"{path} is missing: --data must name the app's prepared folder (npm run data writes public/data/cifar10)")
        images = np.fromfile(images_path, dtype=np.uint8)
        labels = np.fromfile(labels_path, dtype=np.uint8).astype(np.int64)
        if images.size != labels.size * 32 * 32 * 3:
            sys.exit(f"{images_path} holds {images.size} bytes, not 32 x 32 x 3 for each of the {labels.size} labels")
        return images.reshape(-1, 32, 32, 3), labels

    return read("train"), read("test")


TFJS_DTYPES = {"float32": "<f4", "int32": "<i4"}


def read_tfjs_weights(model_json_path):
    """The tensors a TensorFlow.js layers model.json lists, in its manifest's order, read from its weight files."""
    folder = os.path.dirname(os.path.abspath(model_json_path))
    with open(model_json_path, encoding="utf-8") as file:
        manifest = json.load(file)["weightsManifest"]
    tensors = []
    for group in manifest:
        data = b""
        for path in group["paths"]:
            # The file beside model.json, whatever folder the manifest names (the app saves <name>.weights.bin).
            with open(os.path.join(folder, os.path.basename(path)), "rb") as file:
                data += file.read()
        offset = 0
        for entry in group["weights"]:
            if entry.get("quantization") or entry["dtype"] not in TFJS_DTYPES:
                raise ValueError(f"{entry['name']} is stored as {entry.get('quantization') or entry['dtype']}; only float32 and int32 weights can be read")
            count = math.prod(entry["shape"])
            values = np.frombuffer(data, dtype=TFJS_DTYPES[entry["dtype"]], count=count, offset=offset)
            tensors.append((entry["name"], values.reshape(entry["shape"])))
            offset += count * 4
        if offset != len(data):
            raise ValueError(f"the weight files of {model_json_path} hold {len(data)} bytes; its manifest lists {offset}")
    return tensors


def load_tfjs_weights(model, model_json_path):
    """Put a tfjs model's weights into the Keras model, layer by layer in order (kernels and biases have the same layout in both)."""
    tensors = read_tfjs_weights(model_json_path)
    position = 0
    for layer in model.layers:
        wanted = layer.get_weights()
        if not wanted:
            continue
        taken = tensors[position:position + len(wanted)]
        if len(taken) < len(wanted):
            raise ValueError(f"{model_json_path} has no weights left for layer {layer.name}: it is another network")
        for (name, value), current in zip(taken, wanted):
            if value.shape != current.shape:
                raise ValueError(f"{name} has shape {value.shape}, but layer {layer.name} needs {current.shape}: it is another network")
        layer.set_weights([value for _, value in taken])
        position += len(wanted)
    if position != len(tensors):
        raise ValueError(f"{model_json_path} holds {len(tensors) - position} more weights than this network has")


def use_devices(count):
    """Train on 'count' devices (GPUs, TPU cores) at once: each takes a slice of every batch (keras.distribution.DataParallel)."""
    devices = keras.distribution.list_devices()
    if count > len(devices):
        sys.exit(f"--devices {count}: Keras sees only {len(devices)}: {devices}")
    keras.distribution.set_distribution(keras.distribution.DataParallel(devices=devices[:count]))
    print(f"Data parallel on {count} devices: {devices[:count]}")


def check_batches_split(image_count, batch_size, devices):
    """DataParallel gives every device an equal slice of each batch, so every batch must divide evenly."""
    sizes = {batch_size if image_count >= batch_size else image_count}
    if image_count % batch_size:
        sizes.add(image_count % batch_size)
    uneven = sorted(size for size in sizes if size % devices)
    if uneven:
        sys.exit(f"--devices {devices}: batches of {uneven} images do not split evenly; choose a batch size and image count that {devices} divides")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="the app's prepared CIFAR-10 folder (public/data/cifar10); default: keras.datasets downloads CIFAR-10")
    parser.add_argument("--weights", help="a TensorFlow.js model.json (from the app's Download for Keras): start from its weights")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the training images (default {EPOCHS}); 0 only evaluates")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"images per update (default {BATCH_SIZE})")
    parser.add_argument("--train-images", type=int, default=TRAIN_IMAGES, help=f"class-balanced training subset; 0 for all (default {TRAIN_IMAGES or 'all'})")
    parser.add_argument("--validation-images", type=int, default=VALIDATION_IMAGES, help=f"test images to validate on; 0 for all (default {VALIDATION_IMAGES or 'all'})")
    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")
    parser.add_argument("--devices", type=int, default=1, help="train data-parallel on this many devices (GPUs)")
    parser.add_argument("--save", help="write the trained model to this .keras file")
    return parser.parse_args(argv)


def main(argv=None):
    global EPOCHS, BATCH_SIZE, TRAIN_IMAGES, VALIDATION_IMAGES, SEED
    args = parse_arguments(argv)
    EPOCHS, BATCH_SIZE, SEED = args.epochs, args.batch_size, args.seed
    TRAIN_IMAGES, VALIDATION_IMAGES = args.train_images or None, args.validation_images or None
    if args.devices > 1:
        use_devices(args.devices)
    keras.utils.set_random_seed(SEED)
    (x_train, y_train), (x_test, y_test) = load_cifar10(args.data)
    x_train, y_train = app_subset(x_train, y_train, TRAIN_IMAGES, SEED)
    x_test, y_test = app_subset(x_test, y_test, VALIDATION_IMAGES, SEED + 1)
    if args.devices > 1:
        check_batches_split(len(y_train), BATCH_SIZE, args.devices)
    y_train = keras.utils.to_categorical(y_train, CLASS_COUNT)
    y_test = keras.utils.to_categorical(y_test, CLASS_COUNT)
    x_test = x_test.astype("float32") / 255.0
    print(f"Keras {keras.__version__} on {keras.backend.backend()}: {len(y_train)} training images, {len(y_test)} to validate on")
    model = build_model()
    if args.weights:
        load_tfjs_weights(model, args.weights)
        print(f"Weights from {args.weights}")
    compile_model(model)
    model.summary()
    if EPOCHS > 0:
        fit(model, x_train, y_train, x_test, y_test)
    accuracy = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE, verbose=0)[1]
    print("Accuracy: %.2f%%" % (accuracy * 100))
    if args.save:
        model.save(args.save)
        print(f"Saved {args.save}")
    return model


if __name__ == "__main__":
    main()
`;
