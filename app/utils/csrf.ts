// Shared by the browser and the server: the name of the form field that carries the CSRF token.
export const CSRF_FIELD_NAME = 'csrf'
export const CSRF_HEADER_NAME = 'x-csrf-token'
