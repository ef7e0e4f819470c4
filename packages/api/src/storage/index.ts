// The storage interface for the web server and other domains (public-site images, the bench).
export { ObjectNotFound, StorageUnavailable, isStorageUnavailable, assertObjectKey, type ObjectStorage, type StorageHealth, type StoredObject } from "./object-storage.ts";
export { objectStorage, storageHealth } from "./settings.ts";
