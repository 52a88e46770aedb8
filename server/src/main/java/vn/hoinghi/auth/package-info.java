/** Authentication: token signing keys, password hashing, accounts and invite codes. */
package vn.hoinghi.auth;
