/**
 * Where st.fileUploader keeps the bytes of uploaded files, so that runs after the one that
 * received them can read them. The element asks for keys it makes; what keeps the bytes is the
 * app's choice (createApp's `uploads` option takes an R2 bucket, wrapped here; `uploadStore` any other).
 */
export interface UploadStore {
  put(key: string, file: File, contentType: string): Promise<void>;
  /** the bytes kept under `key`, or null when there are none */
  get(key: string): Promise<ArrayBuffer | null>;
}

/** An R2 bucket as the upload store: each file one object, under `prefix`, with its content type. */
export function r2Uploads(bucket: R2Bucket, prefix = "formlit/uploads/"): UploadStore {
  return {
    put: async (key, file, contentType) => {
      await bucket.put(prefix + key, file, { httpMetadata: { contentType } });
    },
    get: async (key) => {
      const object = await bucket.get(prefix + key);
      return object ? object.arrayBuffer() : null;
    },
  };
}

