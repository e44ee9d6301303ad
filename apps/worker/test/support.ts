export { hashPassword as hashPasswordForTests } from "../../api/src/modules/auth/passwords.ts";
