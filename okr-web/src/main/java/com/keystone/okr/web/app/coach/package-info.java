/** The OKR coach (app/coach.xhtml): the cycle's quality findings (R8) with their fixes and links to what they concern. */
package com.keystone.okr.web.app.coach;
