/** A catalog of the login page's messages: nested objects of strings (i18next's JSON v4 form). */
export interface Catalog {
  [key: string]: string | Catalog;
}
