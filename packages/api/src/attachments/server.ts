// What the web server's upload action and download route need from attachment storage (server only).
export { emptyUpload, MultipartError, receiveMultipart } from "./multipart.ts";
export { attachmentThumbnail, maxAttachmentBytes, openAttachmentFile } from "./storage.ts";
