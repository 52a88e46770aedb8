/**
 * The story's conference as data: the commands that create it and the demo accounts. Pure; the server's start-up
 * seeding runs these commands through its writer and creates the logins.
 */
package vn.hoinghi.domain.demo;
