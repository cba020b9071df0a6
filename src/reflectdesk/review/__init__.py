"""Mentor review, Qt-free: where a comment sits in the text, the signed records of
comments, replies, sign-offs and statuses, and the one state they fold into."""
