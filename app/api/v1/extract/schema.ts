export { uploadedFileSchema, uploadRequestSchema as extractSchema, type UploadRequest as ExtractBody } from "@/lib/domain";
