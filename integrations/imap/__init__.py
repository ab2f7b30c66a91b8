"""A support mailbox over IMAP: polling by UID, parsing real mail, threads as tickets."""
