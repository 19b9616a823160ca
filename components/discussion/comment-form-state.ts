import type { FormState } from "@/lib/forms";

export type CommentFormValues = { body: string; anonymous: boolean };
export type CommentFormState = FormState<CommentFormValues>;
export type CommentFormAction = (previous: CommentFormState, formData: FormData) => Promise<CommentFormState>;
